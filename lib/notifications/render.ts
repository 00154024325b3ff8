import mjml2html from 'mjml';

export type EmailContent = {
  recipientName: string;
  title: string;
  body: string;
  nextStep: string;
  /** Absolute URL of the object's page. */
  url: string;
  /** Absolute URL of the recipient's notification settings. */
  settingsUrl: string;
  providerName: string;
  categoryLabel: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Plain text first (what many NOC mail setups show), and a simple HTML part rendered by MJML. */
export async function renderEmail(c: EmailContent): Promise<RenderedEmail> {
  const subject = `[dx-portal] ${c.title}`;
  const text = [
    `Hello ${c.recipientName},`,
    '',
    c.body,
    '',
    `What happens next: ${c.nextStep}`,
    '',
    `Open it in the portal: ${c.url}`,
    '',
    '-- ',
    `${c.providerName} · dx-portal`,
    `You get this email for "${c.categoryLabel}". Change which emails you get: ${c.settingsUrl}`,
    '',
  ].join('\n');

  const { html, errors } = await mjml2html(
    `<mjml>
      <mj-head>
        <mj-title>${escapeHtml(c.title)}</mj-title>
        <mj-attributes><mj-all font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#1f2937" /></mj-attributes>
      </mj-head>
      <mj-body background-color="#f3f4f6">
        <mj-section padding="24px 0 8px"><mj-column><mj-text font-size="13px" color="#6b7280">${escapeHtml(c.providerName)} · dx-portal</mj-text></mj-column></mj-section>
        <mj-section background-color="#ffffff" padding="24px">
          <mj-column>
            <mj-text font-size="20px" line-height="28px" font-weight="600">${escapeHtml(c.title)}</mj-text>
            <mj-text>Hello ${escapeHtml(c.recipientName)},</mj-text>
            <mj-text>${escapeHtml(c.body)}</mj-text>
            <mj-text><strong>What happens next:</strong> ${escapeHtml(c.nextStep)}</mj-text>
            <mj-button href="${escapeHtml(c.url)}" background-color="#1d4ed8" align="left" border-radius="6px">Open in the portal</mj-button>
            <mj-text font-size="13px" color="#6b7280">Or copy this address: ${escapeHtml(c.url)}</mj-text>
          </mj-column>
        </mj-section>
        <mj-section padding="12px 0 24px"><mj-column><mj-text font-size="12px" color="#6b7280">You get this email for “${escapeHtml(c.categoryLabel)}”. <a href="${escapeHtml(c.settingsUrl)}" style="color:#6b7280">Change which emails you get</a>.</mj-text></mj-column></mj-section>
      </mj-body>
    </mjml>`,
    { validationLevel: 'strict', keepComments: false },
  );
  if (errors.length) throw new Error(`Email template is invalid: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return { subject, text, html };
}
