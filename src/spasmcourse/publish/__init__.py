"""Building the course: execute lessons, export pages and decks, write the site."""

FORMATS = ("html", "slides")
