import { describe, expect, it } from 'vitest';
import {
  allChecks,
  CONTROL_URL,
  lookupDns,
  probeControl,
  probePlatform,
  runChecks,
  selectChecks,
} from '../../../src/background/checks/probes';

const deps = (handler: (url: string, init?: RequestInit) => Response | Promise<Response>) => {
  const seen: { url: string; init?: RequestInit }[] = [];
  return {
    seen,
    deps: {
      now: () => 42,
      fetch: (async (url: string, init?: RequestInit) => {
        seen.push({ url, init });
        return handler(url, init);
      }) as unknown as typeof fetch,
    },
  };
};

describe('active checks', () => {
  it('control: 204 is online; 200 with a body or a redirect is a captive portal', async () => {
    expect(await probeControl(deps(() => new Response(null, { status: 204 })).deps)).toMatchObject({
      target: 'control',
      ok: true,
      statusCode: 204,
      url: CONTROL_URL,
    });
    expect(await probeControl(deps(() => new Response('<html>login</html>', { status: 200 })).deps)).toMatchObject({
      ok: false,
      statusCode: 200,
    });
    expect(
      await probeControl(deps(() => new Response(null, { status: 302, headers: { location: 'http://portal/' } })).deps),
    ).toMatchObject({ ok: false, statusCode: 302 });
    expect(await probeControl(deps(() => Promise.reject(new TypeError('Failed to fetch'))).deps)).toMatchObject({
      ok: false,
      error: 'TypeError: Failed to fetch',
    });
  });

  it('every check: no cookies, no Referer, no cache, no redirect followed', async () => {
    const d = deps((url) =>
      url.startsWith('https://cloudflare-dns.com/')
        ? Response.json({ Status: 0 })
        : new Response(null, { status: 204 }),
    );
    await runChecks(d.deps, allChecks({ control: true, platform: true, dns: true }));
    expect(d.seen).toHaveLength(7);
    for (const { url, init } of d.seen)
      expect(init, url).toMatchObject({
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'manual',
      });
  });

  it('platform probe: a redirect is an answer from the platform (ok, no status)', async () => {
    const redirect = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(redirect, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(redirect, 'status', { value: 0 });
    const ev = await probePlatform(deps(() => redirect).deps, 'facebook');
    expect(ev).toMatchObject({ target: 'facebook', ok: true });
    expect(ev).not.toHaveProperty('statusCode');
  });

  it('platform probe: no cookies, no cache; 5xx is not ok', async () => {
    const d = deps(() => new Response('', { status: 503 }));
    const ev = await probePlatform(d.deps, 'instagram');
    expect(ev).toMatchObject({ event: 'probe', target: 'instagram', ok: false, statusCode: 503, timeStamp: 42 });
    expect(d.seen[0]!.init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
  });

  it('DNS over HTTPS: counts A/AAAA answers, keeps addresses, ignores CNAME hops', async () => {
    const body = {
      Status: 0,
      Answer: [
        { type: 5, data: 'star-mini.c10r.facebook.com.' },
        { type: 1, data: '157.240.1.35' },
      ],
    };
    const d = deps(() => Response.json(body));
    const ev = await lookupDns(d.deps, 'facebook');
    expect(ev).toEqual({
      event: 'dns',
      timeStamp: 42,
      name: 'www.facebook.com',
      status: 0,
      answers: 1,
      addresses: ['157.240.1.35'],
    });
    expect(new Headers(d.seen[0]!.init!.headers).get('accept')).toBe('application/dns-json');
    expect(await lookupDns(deps(() => Response.json({ Status: 2 })).deps, 'whatsapp')).toMatchObject({
      status: 2,
      answers: 0,
    });
    // A broken resolver says nothing about the platform.
    expect(await lookupDns(deps(() => new Response('nope', { status: 500 })).deps, 'whatsapp')).toBeNull();
    expect(await lookupDns(deps(() => new Response('{bad json', { status: 200 })).deps, 'whatsapp')).toBeNull();
  });

  it('settings switch each kind off; repeats are held back', () => {
    const all = allChecks({ platform: true, control: true, dns: true });
    expect(all).toHaveLength(7);
    expect(allChecks({ platform: false, control: false, dns: false })).toEqual([]);
    const noDns = selectChecks(all, { platform: true, control: true, dns: false }, new Map(), 0);
    expect(noDns.every((c) => c.kind === 'probe')).toBe(true);
    const last = new Map([['probe:control', 100]]);
    expect(
      selectChecks(all, { platform: true, control: true, dns: true }, last, 5_000).some((c) => c.target === 'control'),
    ).toBe(false);
    expect(selectChecks([...all, ...all], { platform: true, control: true, dns: true }, new Map(), 0)).toHaveLength(7);
  });

  it('runs the checks and returns trace events', async () => {
    const d = deps((url) =>
      url.includes('dns-query') ? Response.json({ Status: 3 }) : new Response(null, { status: 204 }),
    );
    const evs = await runChecks(d.deps, allChecks({ platform: true, control: true, dns: true }));
    expect(evs).toHaveLength(7);
    expect(evs.filter((e) => e.event === 'dns').every((e) => e.event === 'dns' && e.status === 3)).toBe(true);
  });
});
