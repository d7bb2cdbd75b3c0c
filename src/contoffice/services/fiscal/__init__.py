"""NFS-e Nacional for the office's fees: settings, certificate, numbering, generate, cancel."""
