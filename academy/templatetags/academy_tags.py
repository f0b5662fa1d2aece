from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dictionary's value for a key held in a variable, or None."""
    if not mapping or key is None:
        return None
    return mapping.get(key)
