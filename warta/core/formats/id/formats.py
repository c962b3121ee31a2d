"""Indonesian date formats as the newsroom writes them: "Jumat, 27 September 2019 - 05:40 WIB".

Django's own Indonesian formats ("27 Sep 2019") drop the weekday that Indonesian
news pages always show, so these replace them.
"""

DATE_FORMAT = "l, j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "l, j F Y - H:i T"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
