import 'server-only';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export type CoverFacts = {
  providerName: string;
  tenant: string;
  connectionName: string;
  portalId: string;
  awsConnectionId: string;
  awsAccountId: string;
  awsAccountName: string;
  location: string;
  facility: string | null;
  portSpeed: string;
  optics: string | null;
  awsDevice: string | null;
  patchPanel: string | null;
  panelPort: string | null;
  workOrderStatus: string | null;
  issuedAt: Date;
  expiresAt: Date;
};

const day = (d: Date) => d.toISOString().slice(0, 10);
/** The standard PDF fonts encode WinAnsi only; typographic quotes and dashes fold to ASCII. */
const safe = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—−]/g, '-').replace(/[^\x20-\x7e]/g, '?');

function writer(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }) {
  let y = 740;
  return {
    line(text: string, options: { bold?: boolean; size?: number; gap?: number } = {}) {
      const size = options.size ?? 11;
      page.drawText(safe(text), { x: 56, y, size, font: options.bold ? fonts.bold : fonts.regular, color: rgb(0.1, 0.1, 0.1), maxWidth: 500 });
      y -= options.gap ?? 18;
    },
    fact(label: string, value: string) {
      page.drawText(safe(label), { x: 56, y, size: 10, font: fonts.bold, color: rgb(0.3, 0.3, 0.3) });
      page.drawText(safe(value), { x: 210, y, size: 11, font: fonts.regular, color: rgb(0.1, 0.1, 0.1), maxWidth: 346 });
      y -= 18;
    },
    space(gap = 10) {
      y -= gap;
    },
  };
}

/**
 * The LOA-CFA as the portal hands it out: the provider's cover sheet first, naming the tenant and
 * the reserved patch-panel port (AWS's letter names only the AWS account holder), then AWS's
 * pages copied unchanged.
 */
export async function withCoverSheet(awsLoa: Uint8Array, f: CoverFacts): Promise<Uint8Array> {
  const aws = await PDFDocument.load(awsLoa);
  const doc = await PDFDocument.create();
  doc.setTitle(`LOA-CFA ${f.awsConnectionId}: ${safe(f.tenant)}`);
  doc.setAuthor(safe(f.providerName));
  doc.setSubject(`Cross-connect cover sheet and AWS LOA-CFA for ${f.awsConnectionId}`);
  doc.setCreationDate(f.issuedAt);
  const page = doc.addPage([612, 792]);
  const w = writer(page, { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) });

  w.line(`${f.providerName}: cross-connect cover sheet`, { bold: true, size: 16, gap: 24 });
  w.line('For the facility technician. The next page is the LOA-CFA issued by AWS, unchanged;', { size: 10, gap: 14 });
  w.line('it names the AWS account holder, which is the tenant below.', { size: 10, gap: 26 });
  w.fact('Tenant', f.tenant);
  w.fact('Connection', `${f.connectionName} (portal id ${f.portalId})`);
  w.fact('AWS connection', f.awsConnectionId);
  w.fact('AWS account', `${f.awsAccountId} (${f.awsAccountName})`);
  w.space();
  w.fact('Location', f.location);
  if (f.facility) w.fact('Facility', f.facility);
  w.fact('Port', f.optics ? `${f.portSpeed}, ${f.optics} single-mode` : f.portSpeed);
  w.fact('AWS device', f.awsDevice ?? 'as printed on the AWS LOA-CFA');
  w.fact('Patch panel / port', f.patchPanel ? `${f.patchPanel} / ${f.panelPort ?? ''}` : 'not reserved yet: the NOC reserves it on the work order');
  if (f.workOrderStatus) w.fact('Work order', f.workOrderStatus);
  w.space();
  w.fact('LOA-CFA issued', day(f.issuedAt));
  w.fact('Valid until', `${day(f.expiresAt)}; after that, download it again from the portal`);

  const pages = await doc.copyPages(aws, aws.getPageIndices());
  for (const p of pages) doc.addPage(p);
  return doc.save();
}
