"""The services' kernel: batches, results, audit, permissions, messages, the tool registry."""
