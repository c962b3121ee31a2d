from warta.core import compat

# Queries a reader page takes besides its own: without the site-memo shortcut Wagtail
# reads the request's site and its home page on every request.
SITE_QUERIES = 0 if compat.on("site-memo") else 2
