"""Staff dashboard: SQL aggregates with small-group protection (see docs/dashboard.md)."""
