"""CNAB bank files: layouts as data, one engine, remittance writer and return reader."""
