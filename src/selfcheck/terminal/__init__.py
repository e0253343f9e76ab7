"""The terminal front end: everything that imports Rich or prompts a person."""
