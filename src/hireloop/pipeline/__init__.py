"""pipeline domain."""
