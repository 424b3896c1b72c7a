"""How the window names a provider or a model: the model table's labels, never code.

A picture made by a provider or model the table no longer knows (a model on the user's own
server, or one from a newer app) is shown by its id, as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stepfun_studio.core.model_table import ProviderSpec, model_table


def provider_title(provider: ProviderSpec) -> str:
    """The provider's name in the UI's language ("硅基流动" in Chinese). The table's labels are
    data, so `tools/update_translations.py` puts them in the .ts files under this context."""
    return QCoreApplication.translate("ProviderNames", provider.label)


def provider_label(provider_id: str) -> str:
    """The provider's name ("OpenAI"), translated; its id where the table lacks it."""
    found = model_table().provider(provider_id)
    return provider_title(found) if found is not None else provider_id


def model_label(model_name: str) -> str:
    """The model's label from the table; its name where the table lacks it."""
    found = model_table().get(model_name)
    return found.label if found is not None and found.label else model_name
