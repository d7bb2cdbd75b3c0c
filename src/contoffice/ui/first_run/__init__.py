"""The first-run wizard: database, office, first administrator, demo; also from Configurações."""
