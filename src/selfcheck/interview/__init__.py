"""The interview without a terminal: its state machine, answers files, and checks on what people write."""
