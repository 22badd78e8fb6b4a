"""`stepwork sync`: one journal on several devices, through a folder another tool carries.

Each device writes what changed in its journal as a new file in the folder (named by its
device id and a sequence number, never modified after), and merges the files of other devices
that it has not merged yet with the same rules as `stepwork import`. No server, no network:
Syncthing, a cloud folder or git moves the files.

files.py: names and the file format (plain or AES-GCM); keys.py: the key from the passphrase;
state.py: what this device remembers; run.py: one sync.
"""
