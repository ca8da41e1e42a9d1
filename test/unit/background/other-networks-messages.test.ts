/** Other networks' answer reaches the engine only from the extension's own pages, and only well-formed. */
import { describe, expect, it } from 'vitest';
import { handleMessage, type MessageContext } from '../../../src/background/messages';
import { isRequest } from '../../../src/shared/protocol/guards';

const event = {
  event: 'vantage',
  timeStamp: 1,
  target: 'whatsapp',
  kind: 'http',
  probes: [{ country: 'IN', asn: 55836, network: 'Reliance Jio Infocomm Limited', ok: true, statusCode: 200 }],
};

function ctx(): MessageContext & { got: unknown[] } {
  const got: unknown[] = [];
  const none = async () => ({}) as never;
  return {
    got,
    extensionId: 'me',
    extensionOrigin: 'chrome-extension://me',
    getStatus: none,
    checkNow: none,
    getHistory: async () => [],
    clearHistory: async () => {},
    getSettings: none,
    setSettings: none,
    permissionsChanged: async () => {},
    openDetails: async () => {},
    otherNetworks: async (e) => {
      got.push(e);
      return { generatedAt: 9 } as never;
    },
    retryNavigation: () => null,
  };
}

describe('the other-networks message', () => {
  it('passes a well-formed vantage event from an extension page to the worker', async () => {
    const c = ctx();
    const page = { id: 'me', url: 'chrome-extension://me/src/popup/index.html' };
    expect(await handleMessage({ type: 'other-networks', event }, page, c)).toEqual({ generatedAt: 9 });
    expect(c.got).toEqual([event]);
  });

  it('is refused from a content script on a watched site', () => {
    const c = ctx();
    const content = { id: 'me', url: 'https://web.whatsapp.com/', tab: { id: 3 } };
    expect(handleMessage({ type: 'other-networks', event }, content, c)).toBeUndefined();
    expect(c.got).toEqual([]);
  });

  it('rejects anything that is not exactly a vantage event', () => {
    expect(isRequest({ type: 'other-networks', event })).toBe(true);
    expect(isRequest({ type: 'other-networks', event: { ...event, event: 'probe' } })).toBe(false);
    expect(isRequest({ type: 'other-networks', event: { ...event, target: 'myspace' } })).toBe(false);
    expect(isRequest({ type: 'other-networks', event: { ...event, probes: [{ country: 'IN' }] } })).toBe(false);
    expect(isRequest({ type: 'other-networks', event, extra: 1 })).toBe(false);
    expect(isRequest({ type: 'other-networks' })).toBe(false);
  });
});
