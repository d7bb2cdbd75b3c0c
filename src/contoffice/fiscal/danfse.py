"""The DANFSe PDF (layout v2.0, NT 008/2026) of an authorised NFS-e, via brazilfiscalreport.

brazilfiscalreport (LGPL-3.0, used unmodified as a dependency) prints "NFS-e SEM VALIDADE
JURÍDICA" when the DPS says tpAmb=2 and draws the CANCELADA / SUBSTITUÍDA watermark; the
note's status comes from its events, never from the XML, so the caller says which.
"""

from __future__ import annotations

from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.nfse_doc import parse


def render_danfse(nfse_xml: bytes, *, cancelled: bool = False, substituted: bool = False) -> bytes:
    """The DANFSe PDF bytes; a cancelled note wins over a substituted one for the watermark."""
    parse(nfse_xml)  # a pt-BR FiscalError for bytes that are no NFS-e
    # Imported here: fpdf2, fontTools and phonenumbers cost half a second at every start.
    from brazilfiscalreport.danfse import Danfse, DanfseConfig

    config = DanfseConfig(watermark_cancelled=cancelled, watermark_replaced=substituted)
    try:
        document = Danfse(xml=nfse_xml, config=config)
        return bytes(document.output())
    except (ValueError, KeyError, AttributeError, TypeError):
        # The library's own messages are not for the clerk; say what is wrong in pt-BR.
        raise FiscalError("Não foi possível gerar o DANFSe: o XML da NFS-e está incompleto."
                          ) from None
