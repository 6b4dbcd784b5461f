"""The site: the page plan and its views, templates rendered, data files exported."""
