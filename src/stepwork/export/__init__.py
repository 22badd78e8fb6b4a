"""Getting words out of stepwork and back in: markdown, a vault of files, JSON, jrnl."""
