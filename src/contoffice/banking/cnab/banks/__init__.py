"""The CNAB 400 layouts of each bank, as data."""
