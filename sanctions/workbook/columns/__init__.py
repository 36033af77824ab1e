"""Column types: one object per kind of column (an ID, a date, a country, a vocabulary value …)
that carries its rules, its cleaning, its reading into records and its look in the template."""
