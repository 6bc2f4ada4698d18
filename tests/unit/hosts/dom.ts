/**
 * Loads a fixture page's server HTML into the test document the way Chromium would parse it:
 * declarative shadow roots attached, `srcdoc` frames given their documents. happy-dom does
 * neither, and the adapters must be tested on the same structure the browser builds.
 */
export function loadFixturePage(html: string): Document {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
  attachDeclarativeShadowRoots(document.body);
  fillSrcdocFrames(document.body);
  return document;
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = template.innerHTML;
    template.remove();
    attachDeclarativeShadowRoots(shadow);
    fillSrcdocFrames(shadow);
  }
}

function fillSrcdocFrames(root: ParentNode): void {
  for (const frame of Array.from(root.querySelectorAll<HTMLIFrameElement>('iframe[srcdoc]'))) {
    const doc = frame.contentDocument;
    if (!doc) throw new Error('happy-dom gave the frame no document');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    const bodyTag = /<body([^>]*)>([\s\S]*)<\/body>/i.exec(srcdoc);
    for (const [, name, value] of (bodyTag?.[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
      doc.body.setAttribute(name as string, value as string);
    doc.body.innerHTML = bodyTag?.[2] ?? '';
  }
}
