"""Staff sign-in: throttled attempts, bounded password hashing and the two-step login."""
