"""Copies of the office's database: scheduled backups, restore, the log file and *Sobre*."""
