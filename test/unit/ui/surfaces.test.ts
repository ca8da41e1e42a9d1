/**
 * Every surface, scenario by scenario, as the reader sees it: placeholders filled, plural forms
 * chosen, in Hindi and English, for one, two and three failing platforms, each status and the
 * causes × scopes that change the words (src/ui/meaning.ts decides, src/ui/words.ts words it).
 * One table per surface below reads the same rendered table; the invariants after it hold for
 * every scenario, so a new scenario is checked without writing its text first.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/core/types';
import type { Lang } from '../../../src/shared/i18n';
import { NOW, renderSurfaces, SCENARIOS, type ScenarioName, type Surfaces } from './surfaces';

/** What each scenario must read like, read and reviewed line by line (hindi-review.md). */
const EXPECTED: Record<ScenarioName, Record<Lang, Surfaces>> = {
  'fresh install, nothing seen': {
    hi: {
      headline: 'अभी कुछ नहीं देखा गया',
      sub: 'जब आप WhatsApp, Facebook या Instagram खोलेंगे, या “अभी जांचें” दबाएंगे, तब नज़र जांचेगा।',
      rows: [
        'WhatsApp: अभी कोई जानकारी नहीं [unknown]',
        'Facebook: अभी कोई जानकारी नहीं [unknown]',
        'Instagram: अभी कोई जानकारी नहीं [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title:
          'नज़र ‖ अभी कुछ नहीं देखा गया ‖ जब आप WhatsApp, Facebook या Instagram खोलेंगे, या “अभी जांचें” दबाएंगे, तब नज़र जांचेगा।',
      },
      notifications: [],
    },
    en: {
      headline: 'Nothing seen yet',
      sub: 'Nazar checks when you open WhatsApp, Facebook or Instagram, or press “Check now”.',
      rows: [
        'WhatsApp: No information yet [unknown]',
        'Facebook: No information yet [unknown]',
        'Instagram: No information yet [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title:
          'Nazar ‖ Nothing seen yet ‖ Nazar checks when you open WhatsApp, Facebook or Instagram, or press “Check now”.',
      },
      notifications: [],
    },
  },
  'all three working': {
    hi: {
      headline: 'WhatsApp, Facebook और Instagram ठीक चल रहे हैं',
      sub: '',
      rows: ['WhatsApp: ठीक चल रहा है [ok]', 'Facebook: ठीक चल रहा है [ok]', 'Instagram: ठीक चल रहा है [ok]'],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title: 'नज़र ‖ WhatsApp, Facebook और Instagram ठीक चल रहे हैं',
      },
      notifications: [],
    },
    en: {
      headline: 'WhatsApp, Facebook and Instagram are working',
      sub: '',
      rows: ['WhatsApp: Working [ok]', 'Facebook: Working [ok]', 'Instagram: Working [ok]'],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title: 'Nazar ‖ WhatsApp, Facebook and Instagram are working',
      },
      notifications: [],
    },
  },
  'only WhatsApp seen, working': {
    hi: {
      headline: 'WhatsApp ठीक चल रहा है',
      sub: 'Facebook और Instagram की अभी कोई जानकारी नहीं; इन्हें खोलने पर नज़र जांचेगा।',
      rows: [
        'WhatsApp: ठीक चल रहा है [ok]',
        'Facebook: अभी कोई जानकारी नहीं [unknown]',
        'Instagram: अभी कोई जानकारी नहीं [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title: 'नज़र ‖ WhatsApp ठीक चल रहा है ‖ Facebook और Instagram की अभी कोई जानकारी नहीं; इन्हें खोलने पर नज़र जांचेगा।',
      },
      notifications: [],
    },
    en: {
      headline: 'WhatsApp is working',
      sub: 'No information on Facebook and Instagram yet; Nazar checks them when you open them.',
      rows: [
        'WhatsApp: Working [ok]',
        'Facebook: No information yet [unknown]',
        'Instagram: No information yet [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'ok',
        title:
          'Nazar ‖ WhatsApp is working ‖ No information on Facebook and Instagram yet; Nazar checks them when you open them.',
      },
      notifications: [],
    },
  },
  'Instagram down (server), others working': {
    hi: {
      headline: 'Instagram काम नहीं कर रहा है',
      sub: 'WhatsApp और Facebook ठीक चल रहे हैं।',
      rows: [
        'WhatsApp: ठीक चल रहा है [ok]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]',
      ],
      banner: {
        instagram: 'रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        instagram: 'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका। ‖ Instagram: सर्वर में गड़बड़ी',
      },
      badge: {
        kind: 'down',
        title: 'नज़र ‖ Instagram काम नहीं कर रहा है ‖ WhatsApp और Facebook ठीक चल रहे हैं। ‖ वजह: सर्वर में गड़बड़ी।',
      },
      notifications: [
        'Instagram में गड़बड़ी है ‖ वजह: सर्वर में गड़बड़ी। ज़्यादा जानकारी के लिए क्लिक करें।',
        'Instagram फिर से काम कर रहा है ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: 'Instagram is not working',
      sub: 'WhatsApp and Facebook are working.',
      rows: ['WhatsApp: Working [ok]', 'Facebook: Working [ok]', 'Instagram: Not working (Server error) [bad]'],
      banner: {
        instagram:
          'Since 9:09 pm: Instagram is not working. Cause: Server error. ‖ Problems with Instagram — show the notice',
      },
      errorPage: {
        instagram: 'Instagram could not be opened ‖ www.instagram.com could not be opened. ‖ Instagram: Server error',
      },
      badge: {
        kind: 'down',
        title: 'Nazar ‖ Instagram is not working ‖ WhatsApp and Facebook are working. ‖ Cause: Server error.',
      },
      notifications: [
        'Problems with Instagram ‖ Cause: Server error. Click for details.',
        'Instagram is working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'Instagram degraded (server), others working': {
    hi: {
      headline: 'Instagram कुछ हद तक ही काम कर रहा है',
      sub: 'WhatsApp और Facebook ठीक चल रहे हैं।',
      rows: [
        'WhatsApp: ठीक चल रहा है [ok]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: कुछ हद तक ही काम कर रहा है (सर्वर में गड़बड़ी) [warn]',
      ],
      banner: {
        instagram:
          'रात 9:09 बजे से Instagram कुछ हद तक ही काम कर रहा है। वजह: सर्वर में गड़बड़ी। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        instagram: 'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका। ‖ Instagram: सर्वर में गड़बड़ी',
      },
      badge: {
        kind: 'degraded',
        title: 'नज़र ‖ Instagram कुछ हद तक ही काम कर रहा है ‖ WhatsApp और Facebook ठीक चल रहे हैं। ‖ वजह: सर्वर में गड़बड़ी।',
      },
      notifications: [],
    },
    en: {
      headline: 'Instagram is only partly working',
      sub: 'WhatsApp and Facebook are working.',
      rows: ['WhatsApp: Working [ok]', 'Facebook: Working [ok]', 'Instagram: Partly working (Server error) [warn]'],
      banner: {
        instagram:
          'Since 9:09 pm: Instagram is only partly working. Cause: Server error. ‖ Problems with Instagram — show the notice',
      },
      errorPage: {
        instagram: 'Instagram could not be opened ‖ www.instagram.com could not be opened. ‖ Instagram: Server error',
      },
      badge: {
        kind: 'degraded',
        title: 'Nazar ‖ Instagram is only partly working ‖ WhatsApp and Facebook are working. ‖ Cause: Server error.',
      },
      notifications: [],
    },
  },
  'Meta-wide: WhatsApp and Instagram down (server), Facebook working': {
    hi: {
      headline: 'WhatsApp और Instagram काम नहीं कर रहे हैं',
      sub: 'गड़बड़ी Meta की तरफ़ लगती है। Facebook ठीक चल रहा है।',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका। ‖ WhatsApp: सर्वर में गड़बड़ी',
        instagram: 'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका। ‖ Instagram: सर्वर में गड़बड़ी',
      },
      badge: {
        kind: 'down',
        title:
          'नज़र ‖ WhatsApp और Instagram काम नहीं कर रहे हैं ‖ गड़बड़ी Meta की तरफ़ लगती है। ‖ Facebook ठीक चल रहा है। ‖ वजह: सर्वर में गड़बड़ी।',
      },
      notifications: [
        'WhatsApp और Instagram में गड़बड़ी है ‖ वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ज़्यादा जानकारी के लिए क्लिक करें।',
        'WhatsApp और Instagram फिर से काम कर रहे हैं ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: 'WhatsApp and Instagram are not working',
      sub: "The problem seems to be on Meta's side. Facebook is working.",
      rows: [
        'WhatsApp: Not working (Server error) [bad]',
        'Facebook: Working [ok]',
        'Instagram: Not working (Server error) [bad]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with WhatsApp — show the notice",
        instagram:
          "Since 9:09 pm: Instagram is not working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with Instagram — show the notice",
      },
      errorPage: {
        whatsapp: 'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened. ‖ WhatsApp: Server error',
        instagram: 'Instagram could not be opened ‖ www.instagram.com could not be opened. ‖ Instagram: Server error',
      },
      badge: {
        kind: 'down',
        title:
          "Nazar ‖ WhatsApp and Instagram are not working ‖ The problem seems to be on Meta's side. ‖ Facebook is working. ‖ Cause: Server error.",
      },
      notifications: [
        "Problems with WhatsApp and Instagram ‖ Cause: Server error; it seems to come from Meta's side. Click for details.",
        'WhatsApp and Instagram are working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'Meta-wide: WhatsApp down, Instagram degraded (unreachable), Facebook working': {
    hi: {
      headline: 'WhatsApp और Instagram में गड़बड़ी है',
      sub: 'गड़बड़ी Meta की तरफ़ लगती है। Facebook ठीक चल रहा है।',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (सर्वर से संपर्क नहीं हो पा रहा) [bad]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: कुछ हद तक ही काम कर रहा है (सर्वर से संपर्क नहीं हो पा रहा) [warn]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह: सर्वर से संपर्क नहीं हो पा रहा; यह Meta की तरफ़ से लगती है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram कुछ हद तक ही काम कर रहा है। वजह: सर्वर से संपर्क नहीं हो पा रहा; यह Meta की तरफ़ से लगती है। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ आपका ब्राउज़र web.whatsapp.com के सर्वर से संपर्क नहीं कर पाया। ‖ WhatsApp: सर्वर से संपर्क नहीं हो पा रहा',
        instagram:
          'Instagram नहीं खुल सका ‖ आपका ब्राउज़र www.instagram.com के सर्वर से संपर्क नहीं कर पाया। ‖ Instagram: सर्वर से संपर्क नहीं हो पा रहा',
      },
      badge: {
        kind: 'down',
        title:
          'नज़र ‖ WhatsApp और Instagram में गड़बड़ी है ‖ गड़बड़ी Meta की तरफ़ लगती है। ‖ Facebook ठीक चल रहा है। ‖ वजह: सर्वर से संपर्क नहीं हो पा रहा।',
      },
      notifications: [
        'WhatsApp और Instagram में गड़बड़ी है ‖ वजह: सर्वर से संपर्क नहीं हो पा रहा; यह Meta की तरफ़ से लगती है। ज़्यादा जानकारी के लिए क्लिक करें।',
        'WhatsApp और Instagram फिर से काम कर रहे हैं ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: 'Problems with WhatsApp and Instagram',
      sub: "The problem seems to be on Meta's side. Facebook is working.",
      rows: [
        'WhatsApp: Not working (Servers cannot be reached) [bad]',
        'Facebook: Working [ok]',
        'Instagram: Partly working (Servers cannot be reached) [warn]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not working. Cause: Servers cannot be reached; it seems to come from Meta's side. ‖ Problems with WhatsApp — show the notice",
        instagram:
          "Since 9:09 pm: Instagram is only partly working. Cause: Servers cannot be reached; it seems to come from Meta's side. ‖ Problems with Instagram — show the notice",
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ Your browser could not reach the servers of web.whatsapp.com. ‖ WhatsApp: Servers cannot be reached',
        instagram:
          'Instagram could not be opened ‖ Your browser could not reach the servers of www.instagram.com. ‖ Instagram: Servers cannot be reached',
      },
      badge: {
        kind: 'down',
        title:
          "Nazar ‖ Problems with WhatsApp and Instagram ‖ The problem seems to be on Meta's side. ‖ Facebook is working. ‖ Cause: Servers cannot be reached.",
      },
      notifications: [
        "Problems with WhatsApp and Instagram ‖ Cause: Servers cannot be reached; it seems to come from Meta's side. Click for details.",
        'WhatsApp and Instagram are working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'two on their own: WhatsApp down (server), Facebook degraded (unreachable)': {
    hi: {
      headline: 'WhatsApp और Facebook में गड़बड़ी है',
      sub: 'Instagram ठीक चल रहा है।',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]',
        'Facebook: कुछ हद तक ही काम कर रहा है (सर्वर से संपर्क नहीं हो पा रहा) [warn]',
        'Instagram: ठीक चल रहा है [ok]',
      ],
      banner: {
        whatsapp: 'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook कुछ हद तक ही काम कर रहा है। वजह: सर्वर से संपर्क नहीं हो पा रहा। ‖ Facebook में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका। ‖ WhatsApp: सर्वर में गड़बड़ी',
        facebook:
          'Facebook नहीं खुल सका ‖ आपका ब्राउज़र www.facebook.com के सर्वर से संपर्क नहीं कर पाया। ‖ Facebook: सर्वर से संपर्क नहीं हो पा रहा',
      },
      badge: {
        kind: 'down',
        title: 'नज़र ‖ WhatsApp और Facebook में गड़बड़ी है ‖ Instagram ठीक चल रहा है।',
      },
      notifications: [
        'WhatsApp और Facebook में गड़बड़ी है ‖ वजह: सर्वर में गड़बड़ी। ज़्यादा जानकारी के लिए क्लिक करें।',
        'WhatsApp और Facebook फिर से काम कर रहे हैं ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: 'Problems with WhatsApp and Facebook',
      sub: 'Instagram is working.',
      rows: [
        'WhatsApp: Not working (Server error) [bad]',
        'Facebook: Partly working (Servers cannot be reached) [warn]',
        'Instagram: Working [ok]',
      ],
      banner: {
        whatsapp:
          'Since 9:09 pm: WhatsApp is not working. Cause: Server error. ‖ Problems with WhatsApp — show the notice',
        facebook:
          'Since 9:09 pm: Facebook is only partly working. Cause: Servers cannot be reached. ‖ Problems with Facebook — show the notice',
      },
      errorPage: {
        whatsapp: 'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened. ‖ WhatsApp: Server error',
        facebook:
          'Facebook could not be opened ‖ Your browser could not reach the servers of www.facebook.com. ‖ Facebook: Servers cannot be reached',
      },
      badge: {
        kind: 'down',
        title: 'Nazar ‖ Problems with WhatsApp and Facebook ‖ Instagram is working.',
      },
      notifications: [
        'Problems with WhatsApp and Facebook ‖ Cause: Server error. Click for details.',
        'WhatsApp and Facebook are working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'Meta-wide: all three down (DNS), 4 October 2021': {
    hi: {
      headline: 'Meta की सभी सेवाएं ठप हैं',
      sub: '',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (DNS में वेब पता नहीं मिल रहा) [bad]',
        'Facebook: काम नहीं कर रहा है (DNS में वेब पता नहीं मिल रहा) [bad]',
        'Instagram: काम नहीं कर रहा है (DNS में वेब पता नहीं मिल रहा) [bad]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह: DNS में वेब पता नहीं मिल रहा; यह Meta की तरफ़ से लगती है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook काम नहीं कर रहा है। वजह: DNS में वेब पता नहीं मिल रहा; यह Meta की तरफ़ से लगती है। ‖ Facebook में गड़बड़ी है — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: DNS में वेब पता नहीं मिल रहा; यह Meta की तरफ़ से लगती है। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर web.whatsapp.com को नहीं ढूंढ पाया। ‖ WhatsApp: DNS में वेब पता नहीं मिल रहा',
        facebook:
          'Facebook नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर www.facebook.com को नहीं ढूंढ पाया। ‖ Facebook: DNS में वेब पता नहीं मिल रहा',
        instagram:
          'Instagram नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर www.instagram.com को नहीं ढूंढ पाया। ‖ Instagram: DNS में वेब पता नहीं मिल रहा',
      },
      badge: {
        kind: 'down',
        title: 'नज़र ‖ Meta की सभी सेवाएं ठप हैं ‖ वजह: DNS में वेब पता नहीं मिल रहा।',
      },
      notifications: [
        'Meta की सभी सेवाओं में गड़बड़ी है ‖ वजह: DNS में वेब पता नहीं मिल रहा। ज़्यादा जानकारी के लिए क्लिक करें।',
        'WhatsApp, Facebook और Instagram फिर से काम कर रहे हैं ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: "All of Meta's services are down",
      sub: '',
      rows: [
        'WhatsApp: Not working (Web address not found in DNS) [bad]',
        'Facebook: Not working (Web address not found in DNS) [bad]',
        'Instagram: Not working (Web address not found in DNS) [bad]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not working. Cause: Web address not found in DNS; it seems to come from Meta's side. ‖ Problems with WhatsApp — show the notice",
        facebook:
          "Since 9:09 pm: Facebook is not working. Cause: Web address not found in DNS; it seems to come from Meta's side. ‖ Problems with Facebook — show the notice",
        instagram:
          "Since 9:09 pm: Instagram is not working. Cause: Web address not found in DNS; it seems to come from Meta's side. ‖ Problems with Instagram — show the notice",
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ Your browser could not find web.whatsapp.com on the internet. ‖ WhatsApp: Web address not found in DNS',
        facebook:
          'Facebook could not be opened ‖ Your browser could not find www.facebook.com on the internet. ‖ Facebook: Web address not found in DNS',
        instagram:
          'Instagram could not be opened ‖ Your browser could not find www.instagram.com on the internet. ‖ Instagram: Web address not found in DNS',
      },
      badge: {
        kind: 'down',
        title: "Nazar ‖ All of Meta's services are down ‖ Cause: Web address not found in DNS.",
      },
      notifications: [
        "All of Meta's services have problems ‖ Cause: Web address not found in DNS. Click for details.",
        'WhatsApp, Facebook and Instagram are working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'Meta-wide: all three degraded (server)': {
    hi: {
      headline: 'Meta की सभी सेवाओं में गड़बड़ी है',
      sub: '',
      rows: [
        'WhatsApp: कुछ हद तक ही काम कर रहा है (सर्वर में गड़बड़ी) [warn]',
        'Facebook: कुछ हद तक ही काम कर रहा है (सर्वर में गड़बड़ी) [warn]',
        'Instagram: कुछ हद तक ही काम कर रहा है (सर्वर में गड़बड़ी) [warn]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp कुछ हद तक ही काम कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook कुछ हद तक ही काम कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ Facebook में गड़बड़ी है — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram कुछ हद तक ही काम कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ Instagram में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका। ‖ WhatsApp: सर्वर में गड़बड़ी',
        facebook: 'Facebook नहीं खुल सका ‖ www.facebook.com नहीं खुल सका। ‖ Facebook: सर्वर में गड़बड़ी',
        instagram: 'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका। ‖ Instagram: सर्वर में गड़बड़ी',
      },
      badge: {
        kind: 'degraded',
        title: 'नज़र ‖ Meta की सभी सेवाओं में गड़बड़ी है ‖ वजह: सर्वर में गड़बड़ी।',
      },
      notifications: [],
    },
    en: {
      headline: "All of Meta's services have problems",
      sub: '',
      rows: [
        'WhatsApp: Partly working (Server error) [warn]',
        'Facebook: Partly working (Server error) [warn]',
        'Instagram: Partly working (Server error) [warn]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is only partly working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with WhatsApp — show the notice",
        facebook:
          "Since 9:09 pm: Facebook is only partly working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with Facebook — show the notice",
        instagram:
          "Since 9:09 pm: Instagram is only partly working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with Instagram — show the notice",
      },
      errorPage: {
        whatsapp: 'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened. ‖ WhatsApp: Server error',
        facebook: 'Facebook could not be opened ‖ www.facebook.com could not be opened. ‖ Facebook: Server error',
        instagram: 'Instagram could not be opened ‖ www.instagram.com could not be opened. ‖ Instagram: Server error',
      },
      badge: {
        kind: 'degraded',
        title: "Nazar ‖ All of Meta's services have problems ‖ Cause: Server error.",
      },
      notifications: [],
    },
  },
  'Meta-wide group, only WhatsApp still failing': {
    hi: {
      headline: 'WhatsApp काम नहीं कर रहा है',
      sub: 'गड़बड़ी Meta की तरफ़ लगती है। Facebook और Instagram ठीक चल रहे हैं।',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: ठीक चल रहा है [ok]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी; यह Meta की तरफ़ से लगती है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका। ‖ WhatsApp: सर्वर में गड़बड़ी',
      },
      badge: {
        kind: 'down',
        title:
          'नज़र ‖ WhatsApp काम नहीं कर रहा है ‖ गड़बड़ी Meta की तरफ़ लगती है। ‖ Facebook और Instagram ठीक चल रहे हैं। ‖ वजह: सर्वर में गड़बड़ी।',
      },
      notifications: [
        'WhatsApp में गड़बड़ी है ‖ वजह: सर्वर में गड़बड़ी। ज़्यादा जानकारी के लिए क्लिक करें।',
        'WhatsApp फिर से काम कर रहा है ‖ गड़बड़ी कुल 1 घंटा 15 मिनट चली।',
      ],
    },
    en: {
      headline: 'WhatsApp is not working',
      sub: "The problem seems to be on Meta's side. Facebook and Instagram are working.",
      rows: ['WhatsApp: Not working (Server error) [bad]', 'Facebook: Working [ok]', 'Instagram: Working [ok]'],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not working. Cause: Server error; it seems to come from Meta's side. ‖ Problems with WhatsApp — show the notice",
      },
      errorPage: {
        whatsapp: 'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened. ‖ WhatsApp: Server error',
      },
      badge: {
        kind: 'down',
        title:
          "Nazar ‖ WhatsApp is not working ‖ The problem seems to be on Meta's side. ‖ Facebook and Instagram are working. ‖ Cause: Server error.",
      },
      notifications: [
        'Problems with WhatsApp ‖ Cause: Server error. Click for details.',
        'WhatsApp is working again ‖ The problem lasted 1 hour 15 minutes.',
      ],
    },
  },
  'WhatsApp down, cause not known yet': {
    hi: {
      headline: 'WhatsApp काम नहीं कर रहा है',
      sub: 'Facebook और Instagram ठीक चल रहे हैं।',
      rows: [
        'WhatsApp: काम नहीं कर रहा है (वजह अभी पक्की नहीं) [bad]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: ठीक चल रहा है [ok]',
      ],
      banner: {
        whatsapp: 'रात 9:09 बजे से WhatsApp काम नहीं कर रहा है। वजह अभी पक्की नहीं है। ‖ WhatsApp में गड़बड़ी है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका। ‖ WhatsApp: वजह अभी पक्की नहीं',
      },
      badge: {
        kind: 'down',
        title: 'नज़र ‖ WhatsApp काम नहीं कर रहा है ‖ Facebook और Instagram ठीक चल रहे हैं। ‖ वजह अभी पक्की नहीं है।',
      },
      notifications: [],
    },
    en: {
      headline: 'WhatsApp is not working',
      sub: 'Facebook and Instagram are working.',
      rows: [
        'WhatsApp: Not working (Cause not certain yet) [bad]',
        'Facebook: Working [ok]',
        'Instagram: Working [ok]',
      ],
      banner: {
        whatsapp:
          'Since 9:09 pm: WhatsApp is not working. The cause is not certain yet. ‖ Problems with WhatsApp — show the notice',
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened. ‖ WhatsApp: Cause not certain yet',
      },
      badge: {
        kind: 'down',
        title: 'Nazar ‖ WhatsApp is not working ‖ Facebook and Instagram are working. ‖ The cause is not certain yet.',
      },
      notifications: [],
    },
  },
  'offline: all three': {
    hi: {
      headline: 'आपका इंटरनेट नहीं चल रहा',
      sub: 'इसीलिए WhatsApp, Facebook और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      rows: [
        'WhatsApp: नहीं खुल रहा (आपका इंटरनेट नहीं चल रहा) [you]',
        'Facebook: नहीं खुल रहा (आपका इंटरनेट नहीं चल रहा) [you]',
        'Instagram: नहीं खुल रहा (आपका इंटरनेट नहीं चल रहा) [you]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा। ‖ आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा। ‖ आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा। ‖ आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका, क्योंकि आपका डिवाइस अभी इंटरनेट से जुड़ा नहीं है। ‖ आपका इंटरनेट नहीं चल रहा',
        facebook:
          'Facebook नहीं खुल सका ‖ www.facebook.com नहीं खुल सका, क्योंकि आपका डिवाइस अभी इंटरनेट से जुड़ा नहीं है। ‖ आपका इंटरनेट नहीं चल रहा',
        instagram:
          'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका, क्योंकि आपका डिवाइस अभी इंटरनेट से जुड़ा नहीं है। ‖ आपका इंटरनेट नहीं चल रहा',
      },
      badge: {
        kind: 'you',
        title: 'नज़र ‖ आपका इंटरनेट नहीं चल रहा ‖ इसीलिए WhatsApp, Facebook और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      },
      notifications: [],
    },
    en: {
      headline: 'Your internet is not working',
      sub: 'That is why WhatsApp, Facebook and Instagram are not opening; the fault does not seem to be theirs.',
      rows: [
        'WhatsApp: Not opening (Your internet is not working) [you]',
        'Facebook: Not opening (Your internet is not working) [you]',
        'Instagram: Not opening (Your internet is not working) [you]',
      ],
      banner: {
        whatsapp:
          'Since 9:09 pm: WhatsApp is not opening, but the fault does not seem to be its own. Cause: Your internet is not working. ‖ Your internet is not working — show the notice',
        facebook:
          'Since 9:09 pm: Facebook is not opening, but the fault does not seem to be its own. Cause: Your internet is not working. ‖ Your internet is not working — show the notice',
        instagram:
          'Since 9:09 pm: Instagram is not opening, but the fault does not seem to be its own. Cause: Your internet is not working. ‖ Your internet is not working — show the notice',
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened because your device is not connected to the internet. ‖ Your internet is not working',
        facebook:
          'Facebook could not be opened ‖ www.facebook.com could not be opened because your device is not connected to the internet. ‖ Your internet is not working',
        instagram:
          'Instagram could not be opened ‖ www.instagram.com could not be opened because your device is not connected to the internet. ‖ Your internet is not working',
      },
      badge: {
        kind: 'you',
        title:
          'Nazar ‖ Your internet is not working ‖ That is why WhatsApp, Facebook and Instagram are not opening; the fault does not seem to be theirs.',
      },
      notifications: [],
    },
  },
  'offline: WhatsApp and Instagram, Facebook not seen': {
    hi: {
      headline: 'आपका इंटरनेट नहीं चल रहा',
      sub: 'इसीलिए WhatsApp और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      rows: [
        'WhatsApp: नहीं खुल रहा (आपका इंटरनेट नहीं चल रहा) [you]',
        'Facebook: अभी कोई जानकारी नहीं [unknown]',
        'Instagram: नहीं खुल रहा (आपका इंटरनेट नहीं चल रहा) [you]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा। ‖ आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा। ‖ आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ web.whatsapp.com नहीं खुल सका, क्योंकि आपका डिवाइस अभी इंटरनेट से जुड़ा नहीं है। ‖ आपका इंटरनेट नहीं चल रहा',
        instagram:
          'Instagram नहीं खुल सका ‖ www.instagram.com नहीं खुल सका, क्योंकि आपका डिवाइस अभी इंटरनेट से जुड़ा नहीं है। ‖ आपका इंटरनेट नहीं चल रहा',
      },
      badge: {
        kind: 'you',
        title: 'नज़र ‖ आपका इंटरनेट नहीं चल रहा ‖ इसीलिए WhatsApp और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      },
      notifications: [],
    },
    en: {
      headline: 'Your internet is not working',
      sub: 'That is why WhatsApp and Instagram are not opening; the fault does not seem to be theirs.',
      rows: [
        'WhatsApp: Not opening (Your internet is not working) [you]',
        'Facebook: No information yet [unknown]',
        'Instagram: Not opening (Your internet is not working) [you]',
      ],
      banner: {
        whatsapp:
          'Since 9:09 pm: WhatsApp is not opening, but the fault does not seem to be its own. Cause: Your internet is not working. ‖ Your internet is not working — show the notice',
        instagram:
          'Since 9:09 pm: Instagram is not opening, but the fault does not seem to be its own. Cause: Your internet is not working. ‖ Your internet is not working — show the notice',
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ web.whatsapp.com could not be opened because your device is not connected to the internet. ‖ Your internet is not working',
        instagram:
          'Instagram could not be opened ‖ www.instagram.com could not be opened because your device is not connected to the internet. ‖ Your internet is not working',
      },
      badge: {
        kind: 'you',
        title:
          'Nazar ‖ Your internet is not working ‖ That is why WhatsApp and Instagram are not opening; the fault does not seem to be theirs.',
      },
      notifications: [],
    },
  },
  'local DNS: WhatsApp': {
    hi: {
      headline: 'गड़बड़ी आपकी इंटरनेट कंपनी में लगती है',
      sub: 'इसीलिए WhatsApp नहीं खुल रहा; गड़बड़ी उसकी नहीं लगती।',
      rows: [
        'WhatsApp: नहीं खुल रहा (आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा) [you]',
        'Facebook: ठीक चल रहा है [ok]',
        'Instagram: ठीक चल रहा है [ok]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा। ‖ गड़बड़ी आपकी इंटरनेट कंपनी में लगती है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर web.whatsapp.com को नहीं ढूंढ पाया। ‖ आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा',
      },
      badge: {
        kind: 'network',
        title: 'नज़र ‖ गड़बड़ी आपकी इंटरनेट कंपनी में लगती है ‖ इसीलिए WhatsApp नहीं खुल रहा; गड़बड़ी उसकी नहीं लगती।',
      },
      notifications: [],
    },
    en: {
      headline: 'The problem seems to be your internet provider',
      sub: 'That is why WhatsApp is not opening; the fault does not seem to be its own.',
      rows: [
        "WhatsApp: Not opening (Your internet provider's DNS cannot find the web address) [you]",
        'Facebook: Working [ok]',
        'Instagram: Working [ok]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not opening, but the fault does not seem to be its own. Cause: Your internet provider's DNS cannot find the web address. ‖ The problem seems to be your internet provider — show the notice",
      },
      errorPage: {
        whatsapp:
          "WhatsApp could not be opened ‖ Your browser could not find web.whatsapp.com on the internet. ‖ Your internet provider's DNS cannot find the web address",
      },
      badge: {
        kind: 'network',
        title:
          'Nazar ‖ The problem seems to be your internet provider ‖ That is why WhatsApp is not opening; the fault does not seem to be its own.',
      },
      notifications: [],
    },
  },
  'local DNS: WhatsApp and Facebook': {
    hi: {
      headline: 'गड़बड़ी आपकी इंटरनेट कंपनी में लगती है',
      sub: 'इसीलिए WhatsApp और Facebook नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      rows: [
        'WhatsApp: नहीं खुल रहा (आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा) [you]',
        'Facebook: नहीं खुल रहा (आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा) [you]',
        'Instagram: ठीक चल रहा है [ok]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा। ‖ गड़बड़ी आपकी इंटरनेट कंपनी में लगती है — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा। ‖ गड़बड़ी आपकी इंटरनेट कंपनी में लगती है — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp:
          'WhatsApp नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर web.whatsapp.com को नहीं ढूंढ पाया। ‖ आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा',
        facebook:
          'Facebook नहीं खुल सका ‖ आपका ब्राउज़र इंटरनेट पर www.facebook.com को नहीं ढूंढ पाया। ‖ आपकी इंटरनेट कंपनी का DNS वेब पता नहीं ढूंढ पा रहा',
      },
      badge: {
        kind: 'network',
        title: 'नज़र ‖ गड़बड़ी आपकी इंटरनेट कंपनी में लगती है ‖ इसीलिए WhatsApp और Facebook नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      },
      notifications: [],
    },
    en: {
      headline: 'The problem seems to be your internet provider',
      sub: 'That is why WhatsApp and Facebook are not opening; the fault does not seem to be theirs.',
      rows: [
        "WhatsApp: Not opening (Your internet provider's DNS cannot find the web address) [you]",
        "Facebook: Not opening (Your internet provider's DNS cannot find the web address) [you]",
        'Instagram: Working [ok]',
      ],
      banner: {
        whatsapp:
          "Since 9:09 pm: WhatsApp is not opening, but the fault does not seem to be its own. Cause: Your internet provider's DNS cannot find the web address. ‖ The problem seems to be your internet provider — show the notice",
        facebook:
          "Since 9:09 pm: Facebook is not opening, but the fault does not seem to be its own. Cause: Your internet provider's DNS cannot find the web address. ‖ The problem seems to be your internet provider — show the notice",
      },
      errorPage: {
        whatsapp:
          "WhatsApp could not be opened ‖ Your browser could not find web.whatsapp.com on the internet. ‖ Your internet provider's DNS cannot find the web address",
        facebook:
          "Facebook could not be opened ‖ Your browser could not find www.facebook.com on the internet. ‖ Your internet provider's DNS cannot find the web address",
      },
      badge: {
        kind: 'network',
        title:
          'Nazar ‖ The problem seems to be your internet provider ‖ That is why WhatsApp and Facebook are not opening; the fault does not seem to be theirs.',
      },
      notifications: [],
    },
  },
  'TLS interception: all three': {
    hi: {
      headline: 'आपके नेटवर्क पर सुरक्षित कनेक्शन नहीं बन रहा',
      sub: 'इसीलिए WhatsApp, Facebook और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      rows: [
        'WhatsApp: नहीं खुल रहा (सुरक्षित कनेक्शन नहीं बन पा रहा) [you]',
        'Facebook: नहीं खुल रहा (सुरक्षित कनेक्शन नहीं बन पा रहा) [you]',
        'Instagram: नहीं खुल रहा (सुरक्षित कनेक्शन नहीं बन पा रहा) [you]',
      ],
      banner: {
        whatsapp:
          'रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: सुरक्षित कनेक्शन नहीं बन पा रहा। ‖ आपके नेटवर्क पर सुरक्षित कनेक्शन नहीं बन रहा — पूरा संदेश देखें',
        facebook:
          'रात 9:09 बजे से Facebook नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: सुरक्षित कनेक्शन नहीं बन पा रहा। ‖ आपके नेटवर्क पर सुरक्षित कनेक्शन नहीं बन रहा — पूरा संदेश देखें',
        instagram:
          'रात 9:09 बजे से Instagram नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: सुरक्षित कनेक्शन नहीं बन पा रहा। ‖ आपके नेटवर्क पर सुरक्षित कनेक्शन नहीं बन रहा — पूरा संदेश देखें',
      },
      errorPage: {
        whatsapp: 'WhatsApp नहीं खुल सका ‖ web.whatsapp.com से सुरक्षित कनेक्शन नहीं बन पाया। ‖ सुरक्षित कनेक्शन नहीं बन पा रहा',
        facebook: 'Facebook नहीं खुल सका ‖ www.facebook.com से सुरक्षित कनेक्शन नहीं बन पाया। ‖ सुरक्षित कनेक्शन नहीं बन पा रहा',
        instagram: 'Instagram नहीं खुल सका ‖ www.instagram.com से सुरक्षित कनेक्शन नहीं बन पाया। ‖ सुरक्षित कनेक्शन नहीं बन पा रहा',
      },
      badge: {
        kind: 'network',
        title:
          'नज़र ‖ आपके नेटवर्क पर सुरक्षित कनेक्शन नहीं बन रहा ‖ इसीलिए WhatsApp, Facebook और Instagram नहीं खुल रहे; गड़बड़ी उनकी नहीं लगती।',
      },
      notifications: [],
    },
    en: {
      headline: 'Secure connections fail on your network',
      sub: 'That is why WhatsApp, Facebook and Instagram are not opening; the fault does not seem to be theirs.',
      rows: [
        'WhatsApp: Not opening (A secure connection cannot be made) [you]',
        'Facebook: Not opening (A secure connection cannot be made) [you]',
        'Instagram: Not opening (A secure connection cannot be made) [you]',
      ],
      banner: {
        whatsapp:
          'Since 9:09 pm: WhatsApp is not opening, but the fault does not seem to be its own. Cause: A secure connection cannot be made. ‖ Secure connections fail on your network — show the notice',
        facebook:
          'Since 9:09 pm: Facebook is not opening, but the fault does not seem to be its own. Cause: A secure connection cannot be made. ‖ Secure connections fail on your network — show the notice',
        instagram:
          'Since 9:09 pm: Instagram is not opening, but the fault does not seem to be its own. Cause: A secure connection cannot be made. ‖ Secure connections fail on your network — show the notice',
      },
      errorPage: {
        whatsapp:
          'WhatsApp could not be opened ‖ A secure connection to web.whatsapp.com could not be made. ‖ A secure connection cannot be made',
        facebook:
          'Facebook could not be opened ‖ A secure connection to www.facebook.com could not be made. ‖ A secure connection cannot be made',
        instagram:
          'Instagram could not be opened ‖ A secure connection to www.instagram.com could not be made. ‖ A secure connection cannot be made',
      },
      badge: {
        kind: 'network',
        title:
          'Nazar ‖ Secure connections fail on your network ‖ That is why WhatsApp, Facebook and Instagram are not opening; the fault does not seem to be theirs.',
      },
      notifications: [],
    },
  },
  'no permission': {
    hi: {
      headline: 'नज़र को अनुमति चाहिए',
      sub: '',
      rows: [
        'WhatsApp: अभी कोई जानकारी नहीं [unknown]',
        'Facebook: अभी कोई जानकारी नहीं [unknown]',
        'Instagram: अभी कोई जानकारी नहीं [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'no-permission',
        title: 'नज़र ‖ नज़र को इन साइटों को देखने की अनुमति नहीं है। अनुमति देने के लिए यहां क्लिक करें।',
      },
      notifications: [],
    },
    en: {
      headline: 'Nazar needs permission',
      sub: '',
      rows: [
        'WhatsApp: No information yet [unknown]',
        'Facebook: No information yet [unknown]',
        'Instagram: No information yet [unknown]',
      ],
      banner: {},
      errorPage: {},
      badge: {
        kind: 'no-permission',
        title: 'Nazar ‖ Nazar is not allowed to watch these sites. Click here to allow it.',
      },
      notifications: [],
    },
  },
};

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];
const LANGS: Lang[] = ['hi', 'en'];
const rows = NAMES.flatMap((name) => LANGS.map((lang) => [name, lang] as const));
const rendered = (name: ScenarioName, lang: Lang) => renderSurfaces(SCENARIOS[name], lang, NOW);

describe.each([
  ['headline and sub line', (s: Surfaces) => [s.headline, s.sub]],
  ['rows (label, cause, colour)', (s: Surfaces) => s.rows],
  ['banner and its chip, on each failing site', (s: Surfaces) => s.banner],
  ['error page (heading, what happened, explanation title)', (s: Surfaces) => s.errorPage],
  ['badge and its title', (s: Surfaces) => s.badge],
  ['notifications (outage, then back)', (s: Surfaces) => s.notifications],
] as const)('%s', (_surface, pick) => {
  it.each(rows)('%s [%s]', (name, lang) => {
    expect(pick(rendered(name, lang))).toEqual(pick(EXPECTED[name][lang]));
  });
});

describe('invariants, for every scenario and language', () => {
  const all = (s: Surfaces) => [
    s.headline,
    s.sub,
    ...s.rows,
    ...Object.values(s.banner),
    ...Object.values(s.errorPage),
    s.badge.title,
    ...s.notifications,
  ];

  it.each(rows)('%s [%s]: every placeholder filled, no key shown, no "!"', (name, lang) => {
    for (const text of all(rendered(name, lang))) {
      expect(text).not.toMatch(/\$[A-Za-z0-9_]+\$|\$\d|(state|status|cause|platform|banner|notif|explain)_[a-z]/);
      expect(text).not.toContain('!');
      if (lang === 'hi') expect(text).not.toMatch(/[०-९]|Wi-Fi|विवरण|दिक्कत|हिन्दी/);
    }
  });

  // Only the scenarios where something fails and something works: elsewhere there is nothing to prove.
  const someFailSomeWork = rows.filter(([name]) => {
    const st = PLATFORMS.map((p) => SCENARIOS[name].platforms[p].verdict.status);
    return st.some((x) => x === 'down' || x === 'degraded') && st.includes('up');
  });
  it.each(someFailSomeWork)('%s [%s]: a platform seen working is never named as failing', (name, lang) => {
    const report = SCENARIOS[name];
    const s = rendered(name, lang);
    for (const p of PLATFORMS) {
      if (report.platforms[p].verdict.status !== 'up') continue;
      const display = p === 'whatsapp' ? 'WhatsApp' : p === 'facebook' ? 'Facebook' : 'Instagram';
      expect(s.headline).not.toContain(display);
      expect(s.rows.find((r) => r.startsWith(`${display}:`))).toMatch(/\[ok\]$/);
      for (const b of Object.values(s.banner)) expect(b).not.toContain(display);
      for (const n of s.notifications) expect(n).not.toContain(display);
    }
  });

  const userSide = rows.filter(([name]) =>
    PLATFORMS.some((p) => ['you', 'network'].includes(SCENARIOS[name].platforms[p].verdict.scope)),
  );
  it.each(userSide)("%s [%s]: a fault on the user's side is never the platform's", (name, lang) => {
    const s = rendered(name, lang);
    expect(s.badge.kind).toMatch(/^(you|network)$/);
    expect(s.notifications).toEqual([]);
    for (const row of s.rows) expect(row).not.toMatch(/\[(bad|warn)\]$|काम नहीं कर रहा|Not working/);
    const notWorking =
      /(WhatsApp|Facebook|Instagram)( and \w+)? (is|are) not working|काम नहीं कर रह|में गड़बड़ी है|Problems with/;
    for (const b of Object.values(s.banner)) expect(b).not.toMatch(notWorking);
    expect(s.headline).not.toMatch(notWorking);
  });

  it('"सभी"/"all" only when all three fail', () => {
    for (const name of NAMES)
      for (const lang of LANGS) {
        const s = rendered(name, lang);
        const failing = PLATFORMS.filter((p) =>
          ['down', 'degraded'].includes(SCENARIOS[name].platforms[p].verdict.status),
        );
        if (failing.length < 3) expect(all(s).join(' ')).not.toMatch(/सभी सेवा|All of Meta/);
      }
  });

  // About six words; the glossary's "कुछ हद तक ही काम कर रहा है" (partly working) alone is seven.
  it('headlines stay short: at most nine words', () => {
    for (const name of NAMES)
      for (const lang of LANGS) expect(rendered(name, lang).headline.split(' ').length, name).toBeLessThanOrEqual(9);
  });
});
