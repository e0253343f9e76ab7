"""The questionnaire format: the model, its checks, conditions, answer values and the library of files."""
