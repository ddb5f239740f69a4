import { afterEach, describe, expect, it } from 'vitest';
import { party } from '../../support/party.js';
import { IT, offer } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

// Content belongs to whoever made the catalogue product: civetta updates the title and EAN of a
// product it created (createProducts), and sends nothing for an offer on Amazon's own product.
let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

const catalog = [{ ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City Stazione dei Pompieri', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }];
const fresh = (title: string, ean = '8009999999995') =>
  offer({ sku: 'CIV-NEW', product: { sku: 'CIV-NEW', ean, title, brand: 'Bottega Rossi', description: 'Gioco in legno' } });

describe('Amazon content changes', () => {
  it('a product civetta created gets its new title and EAN; the outcome says what was sent', async () => {
    s = await simChannel({ amazon: { catalog } }, { createProducts: true });
    const [created] = await s.apply([{ kind: 'create', offer: fresh('Trenino in legno') }]);
    expect(created).toMatchObject({ ok: true, remote: { ownsProduct: true, productType: 'PRODUCT' } });
    const remote = created!.remote!;
    expect(s.channel.sendsContent?.(fresh('x'), remote)).toBe(true);
    const changed = fresh('Trenino in legno con binari', '8009999999988');
    const [updated] = await s.apply([{ kind: 'update', offer: changed, fields: ['content'], remote }]);
    expect(updated).toMatchObject({ ok: true, kind: 'update' });
    const attrs = s.sim.amazon.listing('CIV-NEW')?.attributes as Record<string, unknown>;
    expect(attrs.item_name).toEqual([{ value: 'Trenino in legno con binari', language_tag: 'it_IT', marketplace_id: IT }]);
    expect(attrs.externally_assigned_product_identifier).toEqual([{ type: 'ean', value: '8009999999988', marketplace_id: IT }]);
  });

  it('an offer on Amazon\'s product without GPSR contacts to send: the content is shown from the catalogue', async () => {
    s = await simChannel({ amazon: { catalog } });
    const [created] = await s.apply([{ kind: 'create', offer: offer({ sku: 'CIV-LEGO' }) }]);
    expect(created?.remote?.ownsProduct).toBeUndefined();
    expect(s.channel.sendsContent?.(offer({ sku: 'CIV-LEGO', product: { title: 'Nuovo titolo' } }), created!.remote!)).toBe(false);
    const withContact = offer({ sku: 'CIV-LEGO', product: { safety: { responsiblePerson: party('Rossi srl', { email: 'rep@rossi.it' }) } } });
    expect(s.channel.sendsContent?.(withContact, created!.remote!)).toBe(true);
    // Once the listing holds those contacts, a new title alone sends nothing.
    const [sent] = await s.apply([{ kind: 'update', offer: withContact, fields: ['content'], remote: created!.remote! }]);
    expect(sent).toMatchObject({ ok: true, request: 'patchListingsItem sku=CIV-LEGO content' });
    const live = (await s.channel.readListings(['CIV-LEGO'])).get('CIV-LEGO')!;
    expect(live.remote.gpsrContacts).toBe('rep@rossi.it | ');
    const retitled = offer({ sku: 'CIV-LEGO', product: { title: 'LEGO City Caserma', safety: withContact.product.safety } });
    expect(s.channel.sendsContent?.(retitled, live.remote)).toBe(false);
  });
});

describe('Amazon GPSR contacts from the resolved parties', () => {
  it('sends the parties\' e-mails; a manufacturer in the EU stands as the responsible person; the simulator accepts them', async () => {
    s = await simChannel({ amazon: { catalog } });
    const maker = party('Clementoni S.p.A.', { email: 'sicurezza@clementoni.example' });
    const [created] = await s.apply([{ kind: 'create', offer: offer({ sku: 'CIV-LEGO', product: { safety: { manufacturer: maker, manufacturerId: 'clementoni' } } }) }]);
    expect(created).toMatchObject({ ok: true, warnings: [] });
    const attrs = s.sim.amazon.listing('CIV-LEGO')?.attributes as Record<string, unknown>;
    expect(attrs.dsa_responsible_party_address).toEqual([{ value: 'sicurezza@clementoni.example', marketplace_id: IT }]);
    expect(attrs.gpsr_manufacturer_reference).toEqual([{ gpsr_manufacturer_email_address: 'sicurezza@clementoni.example', marketplace_id: IT }]);
  });
});
