"""Getting things out of Byline: an article saved as Markdown (`markdown`), quotes exported as
CSV, Markdown or JSON (`export`), a link opened in the user's browser (`browser`), the folder
screenshots are saved in (`screenshots`), the folder saves and exports go to (`documents`)."""
