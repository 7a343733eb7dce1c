"""compliance domain."""
