import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dictionary's value for a key held in a variable, or None."""
    if not mapping or key is None:
        return None
    return mapping.get(key)


@register.filter
def uk_time(value):
    """A time as GOV.UK writes it, in UK time: 10am, 1:30pm, midday."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).time()
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"
