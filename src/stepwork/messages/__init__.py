"""Every sentence stepwork says to a person, kept together so the tone stays one voice.

One catalogue per area, named like the command module that says most of it
(`messages/inventory.py` for `cli/inventory.py`). Code imports the area it speaks for:
`from stepwork.messages import inventory as inventory_messages`.
"""
