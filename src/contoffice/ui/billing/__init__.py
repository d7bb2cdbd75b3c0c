"""The Faturamento area: billing run, Gerar honorários, Gerenciador de cancelamentos."""

from contoffice.ui.billing.area import BillingArea

__all__ = ["BillingArea"]
