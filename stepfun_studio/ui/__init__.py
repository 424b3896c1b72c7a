"""The Qt Widgets user interface: the main window and the parts it composes."""
