"""Plain data types and logic: no Qt, no spaCy, so everything here is testable with pytest alone."""
