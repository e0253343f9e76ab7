"""Files: where things live, TOML reading and writing, atomic private writes."""
