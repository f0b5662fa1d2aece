def axes_username(request, credentials):
    """Count failed sign-ins against the email address as the person would type it, any case."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()
