"""Evidence that lasts: links checked and archived, local copies hashed."""
