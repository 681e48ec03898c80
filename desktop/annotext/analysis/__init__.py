"""Language analysis: the only package that imports spaCy. It returns plain character-offset spans."""
