"""Names for what each part of the site writes to Wagtail's audit log."""

from wagtail import hooks


def register_log_actions(actions) -> None:
    """Tell Wagtail's audit log how to name each (action, label, message): the label in
    its filters, the message in the history it shows."""

    @hooks.register("register_log_actions")
    def register(registry):
        for action, label, message in actions:
            registry.register_action(action, label, message)
