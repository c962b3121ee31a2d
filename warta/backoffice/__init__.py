"""The admin's language, look and guide: Wagtail's admin wholly in Indonesian, Warta's name
and logo on it, and the newsroom guide its help menu opens."""
