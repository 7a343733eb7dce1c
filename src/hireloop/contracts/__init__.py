"""Contract terms agreed before the shortlist: term sheets, classification flags, rendering."""
