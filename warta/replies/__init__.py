"""Right of reply (hak jawab, PPMS point 4): readers' replies, from the form to the reply."""
