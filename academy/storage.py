from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; rewrites ES module imports so hashed names still load."""

    support_js_module_import_aggregation = True
