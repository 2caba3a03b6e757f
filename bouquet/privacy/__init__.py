"""A person's rights over their data: everything held about them, and the erasure of their account."""
