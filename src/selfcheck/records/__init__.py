"""Records on disk: reports, drafts, the ledger, and the reports folder."""
