import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseFeed } from './parse-feed.js';
import type { FeedFormat } from './types.js';

/*
 * Expected values were read from the fixture files with grep/sed (not from this parser's output):
 * item counts are the number of <item>/<entry> elements, dates are the feed's own timestamps
 * converted to UTC, titles are entity-decoded, tag-stripped and whitespace-collapsed.
 */
interface Sample {
  index: number;
  title: string;
  link: string;
  publishedAt: string;
  author: string | null;
}

interface FixtureExpectation {
  file: string;
  format: FeedFormat;
  title: string;
  count: number;
  samples: [Sample, Sample];
}

const fixtures: FixtureExpectation[] = [
  {
    file: 'feedjira_AmazonWebServicesBlog.xml',
    format: 'atom',
    title: 'Amazon Web Services Blog',
    count: 10,
    samples: [
      {
        index: 0,
        title: 'AWS Job: Architect & Designer Position in Turkey',
        link: 'http://aws.typepad.com/aws/2009/01/aws-job-architect-designer-position-in-turkey.html',
        publishedAt: '2009-01-16T18:21:00.000Z',
        author: 'AWS Editor',
      },
      {
        index: 9,
        title: 'Solve for Efficiency With Amazon Mechanical Turk',
        link: 'http://aws.typepad.com/aws/2008/12/solve-for-efficiency-with-amazon-mechanical-turk.html',
        publishedAt: '2008-12-29T20:10:35.000Z',
        author: 'AWS Editor',
      },
    ],
  },
  {
    // An Atom feed wrapped in an XHTML page.
    file: 'feedjira_DuplicateContentAtomFeed.xml',
    format: 'atom',
    title: 'Avian’s Blog',
    count: 10,
    samples: [
      {
        index: 0,
        title: 'Down time',
        link: 'http://www.tablix.org/~avian/blog/archives/2014/07/down_time/',
        publishedAt: '2014-07-21T19:14:39.000Z',
        author: 'Tomaž',
      },
      {
        index: 9,
        title: 'Balanced variable phase shift circuit',
        link: 'http://www.tablix.org/~avian/blog/archives/2014/05/balanced_variable_phase_shift_circuit/',
        publishedAt: '2014-05-13T12:28:42.000Z',
        author: 'Tomaž',
      },
    ],
  },
  {
    file: 'feedjira_HuffPostCanada.xml',
    format: 'rss2',
    title: 'HuffPost Canada - Athena2 - All Posts',
    count: 2,
    samples: [
      {
        index: 0,
        title: 'Winnipeg High School Orders Custom Hijabs For Muslim Athletes',
        link: 'http://www.huffingtonpost.ca/2017/10/17/winnipeg-high-school-orders-custom-hijabs-for-muslim-athletes_a_23246627/',
        publishedAt: '2017-10-17T22:17:00.000Z',
        author: 'Canadian Press',
      },
      {
        index: 1,
        title: 'The Once-In-A-Lifetime Thrill Of Opening For Tom Petty',
        link: 'http://www.huffingtonpost.ca/adrian-sutherland/the-once-in-a-lifetime-thrill-of-opening-for-tom-petty_a_23234370/',
        publishedAt: '2017-10-17T21:38:00.000Z',
        author: 'Adrian Sutherland',
      },
    ],
  },
  {
    file: 'feedjira_RSSWithComments.xml',
    format: 'rss2',
    title: 'Hacker News',
    count: 30,
    samples: [
      {
        index: 0,
        title: 'AWS Lambda Function URLs: Built-In HTTPS Endpoints for Lambda',
        link: 'https://aws.amazon.com/blogs/aws/announcing-aws-lambda-function-urls-built-in-https-endpoints-for-single-function-microservices/',
        publishedAt: '2022-04-06T21:07:47.000Z',
        author: null,
      },
      {
        index: 29,
        title: 'What’s new in Emacs 28.1?',
        link: 'https://www.masteringemacs.org/article/whats-new-in-emacs-28-1',
        publishedAt: '2022-04-06T11:23:33.000Z',
        author: null,
      },
    ],
  },
  {
    // FeedBurner feed: feedburner:origLink replaces the dead feedproxy.google.com links.
    file: 'feedjira_TechCrunch.xml',
    format: 'rss2',
    title: 'TechCrunch',
    count: 20,
    samples: [
      {
        index: 0,
        title: 'Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M',
        link: 'http://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m/',
        publishedAt: '2011-11-02T17:25:27.000Z',
        author: 'Leena Rao',
      },
      {
        index: 19,
        title: 'Ooma Invades Canada, US Premier Subscribers Can Now Talk To Their Northern Cousins For Free',
        link: 'http://techcrunch.com/2011/11/02/ooma-invades-canada-us-prime-subscribers-can-now-talk-to-their-northern-cousins-for-free/',
        publishedAt: '2011-11-02T12:34:07.000Z',
        author: 'Matt Burns',
      },
    ],
  },
  {
    file: 'feedjira_TypePadNews.xml',
    format: 'atom',
    title: 'Everything Typepad',
    count: 10,
    samples: [
      {
        index: 0,
        title: 'Spotlight: Friday Favorites!',
        link: 'http://everything.typepad.com/blog/2013/02/spotlight-friday-favorites.html',
        publishedAt: '2013-02-22T17:47:09.000Z',
        author: 'The Typepad Team',
      },
      {
        index: 9,
        title: 'Retiring Typepad Anti-Spam and Switching to Impermium',
        link: 'http://everything.typepad.com/blog/2013/02/retiring-typepad-anti-spam-and-switching-to-impermium.html',
        publishedAt: '2013-02-07T00:37:08.000Z',
        author: 'The Typepad Team',
      },
    ],
  },
  {
    // type="html" titles with escaped <b> tags.
    file: 'feedjira_google_alerts_atom.xml',
    format: 'atom',
    title: 'Google Alert - Slack',
    count: 20,
    samples: [
      {
        index: 0,
        title:
          'Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...',
        link: 'https://www.google.com/url?rct=j&sa=t&url=https://www.aglobalmarketresearch.com/report-offers-prediction-of-automotive-slack-market-by-top-key-players-like-haldex-meritor-bendix-mei-wabco-accuride-stemco-tbk-febi-aydinsan/&ct=ga&cd=CAIyHGU4ZTJkZjQ3OTVkYmIzMTc6Y28uanA6ZW46SlA&usg=AFQjCNHUcRGtHY1ygcMDkVS68IgpYs7Wpg',
        publishedAt: '2019-07-10T11:53:37.000Z',
        author: null,
      },
      {
        index: 19,
        title: 'Latest research shows Microsoft Teams is stomping Slack',
        link: 'https://www.google.com/url?rct=j&sa=t&url=https://mspoweruser.com/latest-research-shows-microsoft-teams-is-stomping-slack/&ct=ga&cd=CAIyHGU4ZTJkZjQ3OTVkYmIzMTc6Y28uanA6ZW46SlA&usg=AFQjCNHlMxJk51Ai598ebVkCpaKE2uStCw',
        publishedAt: '2019-07-09T23:59:57.000Z',
        author: null,
      },
    ],
  },
  {
    file: 'feedjira_youtube_atom.xml',
    format: 'atom',
    title: 'Google',
    count: 15,
    samples: [
      {
        index: 0,
        title: 'The Google app: Questions Title',
        link: 'http://www.youtube.com/watch?v=5shykyfmb28',
        publishedAt: '2015-05-04T00:01:27.000Z',
        author: 'Google',
      },
      {
        index: 14,
        // The source has two spaces after the full stop; titles are whitespace-collapsed.
        title: 'Veterans Make Great Googlers. Find your team: Specialists',
        link: 'http://www.youtube.com/watch?v=8ztbpW3THmI',
        publishedAt: '2014-11-11T17:25:52.000Z',
        author: 'Google',
      },
    ],
  },
  {
    file: 'rss-parser_content-encoded.rss',
    format: 'rss2',
    title: 'Food in Invironment on Medium',
    count: 7,
    samples: [
      {
        index: 0,
        title: 'THE CREATIVE FORAGER',
        link: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
        publishedAt: '2018-04-09T18:55:38.000Z',
        author: 'Jeremy Puma',
      },
      {
        index: 6,
        title: 'Wild Flavors All Year Round',
        link: 'https://medium.com/invironment/wild-flavors-all-year-round-71769186b899?source=rss----d12c403d4976--food',
        publishedAt: '2017-12-01T18:38:32.000Z',
        author: 'Jeremy Puma',
      },
    ],
  },
  {
    // RSS 1.0; titles carry &#x0024; and <sup> inside CDATA.
    file: 'rss-parser_craigslist.rss',
    format: 'rss1',
    title: 'craigslist SF bay area | apts/housing for rent search',
    count: 25,
    samples: [
      {
        index: 0,
        title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
        link: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
        publishedAt: '2017-06-21T17:33:10.000Z',
        author: null,
      },
      {
        index: 24,
        title:
          '1BD/1BA, Top floor,Private Bal.,Hardwood,Dishwasher,Parking,Laundry (oakland lake merritt / grand) $1950 1bd 625ft2',
        link: 'http://sfbay.craigslist.org/eby/apa/6170845890.html',
        publishedAt: '2017-06-21T17:31:19.000Z',
        author: null,
      },
    ],
  },
  {
    // GB2312 declared; pubDate has no zone and is read as UTC.
    file: 'rss-parser_encoding-gb2312.xml',
    format: 'rss2',
    title: '新闻国内',
    count: 20,
    samples: [
      {
        index: 0,
        title: '习近平为何如此强调崇尚英雄？',
        link: 'http://news.qq.com/a/20180918/009846.htm',
        publishedAt: '2018-09-18T14:38:10.000Z',
        author: 'www.qq.com',
      },
      {
        index: 19,
        title: '全国心理卫生学术大会 我国心理健康服务供需失衡严重',
        link: 'http://news.qq.com/a/20180917/007060.htm',
        publishedAt: '2018-09-17T11:19:42.000Z',
        author: 'www.qq.com',
      },
    ],
  },
  {
    // ISO-8859-1 declared, CRLF line ends, FeedBurner origLink.
    file: 'rss-parser_encoding.rss',
    format: 'rss2',
    title: 'Jornal de Notícias - Últimas Notícias',
    count: 40,
    samples: [
      {
        index: 0,
        title: 'Mãe de utente é a nova presidente da Raríssimas',
        link: 'https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html',
        publishedAt: '2018-01-03T13:47:00.000Z',
        author: null,
      },
      {
        index: 39,
        title: 'Lisboa quer passes sociais com acesso a táxis e bicicletas',
        link: 'https://www.jn.pt/economia/interior/lisboa-quer-passes-sociais-com-acesso-a-taxis-e-bicicletas-9020740.html',
        publishedAt: '2018-01-03T00:25:00.000Z',
        author: null,
      },
    ],
  },
  {
    file: 'rss-parser_feedburner.atom',
    format: 'atom',
    title: 'Google Ads Developer Blog',
    count: 25,
    samples: [
      {
        index: 0,
        title: 'AdWords and DFP Java client library will soon require Java 7+',
        link: 'http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html',
        publishedAt: '2016-06-03T14:38:00.000Z',
        author: 'Google Ads Developer Advisor',
      },
      {
        index: 24,
        title: 'Using the Google My Business API to manage your location extensions',
        link: 'http://googleadsdeveloper.blogspot.com/2015/10/using-google-my-business-api-to-manage.html',
        publishedAt: '2015-10-15T11:20:00.001Z',
        author: 'Google Ads Developer Advisor',
      },
    ],
  },
  {
    file: 'rss-parser_guardian.rss',
    format: 'rss2',
    title: 'The Guardian',
    count: 55,
    samples: [
      {
        index: 0,
        title: 'Trump State of the Union address promised unity but emphasized discord',
        link: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
        publishedAt: '2018-01-31T07:26:05.000Z',
        author: 'David Smith in Washington',
      },
      {
        index: 54,
        title: "Earth's ultimate yogis – in pictures",
        link: 'https://www.theguardian.com/artanddesign/gallery/2018/jan/31/earths-ultimate-yogis-in-pictures-yoga',
        publishedAt: '2018-01-31T07:00:20.000Z',
        author: null,
      },
    ],
  },
  {
    // Entries have no author; the feed-level <author> applies.
    file: 'rss-parser_heise.atom',
    format: 'atom',
    title: 'heise developer neueste Meldungen',
    count: 15,
    samples: [
      {
        index: 0,
        title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
        link: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
        publishedAt: '2016-02-01T16:22:00.000Z',
        author: 'heise online',
      },
      {
        index: 14,
        title: 'Apache Software Foundation bekommt ein neues Logo',
        link: 'http://www.heise.de/developer/meldung/Apache-Software-Foundation-bekommt-ein-neues-Logo-3086458.html?wt_mc=rss.developer.beitrag.atom',
        publishedAt: '2016-01-28T16:07:00.000Z',
        author: 'heise online',
      },
    ],
  },
  {
    // No XML declaration, an unescaped "&", EDT dates, newlines around titles and links.
    file: 'rss-parser_phys-org-daily-sci-tech-news.xml',
    format: 'rss2',
    title: 'Phys.org - latest science and technology news stories',
    count: 30,
    samples: [
      {
        index: 0,
        title: 'SuperBIT: A low-cost, balloon-borne telescope to rival Hubble',
        link: 'https://phys.org/news/2021-07-superbit-low-cost-balloon-borne-telescope-rival.html',
        publishedAt: '2021-07-20T23:00:03.000Z',
        author: null,
      },
      {
        index: 29,
        title: 'A new method produces improved surface strain rate maps',
        link: 'https://phys.org/news/2021-07-method-surface-strain.html',
        publishedAt: '2021-07-20T13:35:14.000Z',
        author: null,
      },
    ],
  },
  {
    file: 'rss-parser_reddit.rss',
    format: 'rss2',
    title: 'reddit: the front page of the internet',
    count: 24,
    samples: [
      {
        index: 0,
        title: 'The water is too deep, so he improvises',
        link: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
        publishedAt: '2015-11-12T21:16:39.000Z',
        author: null,
      },
      {
        index: 23,
        title: '"The best years of your life..." [Image]',
        link: 'https://www.reddit.com/r/GetMotivated/comments/3sjgv1/the_best_years_of_your_life_image/',
        publishedAt: '2015-11-12T15:09:19.000Z',
        author: null,
      },
    ],
  },
  {
    file: 'rss-parser_rss-1.rss',
    format: 'rss1',
    title: 'Science twis',
    count: 69,
    samples: [
      {
        index: 0,
        title: 'Food for fungi',
        link: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
        publishedAt: '2017-06-15T17:29:47.000Z',
        author: 'Hines, P. J.',
      },
      {
        index: 68,
        title: 'Creating a weakness in prostate cancer',
        link: 'http://science.sciencemag.org/cgi/content/short/356/6340/816-o?rss=1',
        publishedAt: '2017-05-25T17:24:10.000Z',
        author: 'Ferrarelli, L. K.',
      },
    ],
  },
  {
    // No XML declaration, Latin-1 bytes, Portuguese day and month names in pubDate.
    file: 'rss-parser_uolNoticias.rss',
    format: 'rss2',
    title: 'UOL Noticias',
    count: 15,
    samples: [
      {
        index: 0,
        title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
        link: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm',
        publishedAt: '2018-09-24T22:42:40.000Z',
        author: null,
      },
      {
        index: 14,
        title: 'Fama "A" é campeã da Primeira Divisão da Copa Cidade Alta de Futebol Suíço',
        link: 'https://tnonline.uol.com.br/noticias/apucarana/45,470926,24,09,fama-a-e-campea-da-primeira-divisao-da-copa-cidade-alta-de-futebol-suico',
        publishedAt: '2018-09-24T22:18:49.000Z',
        author: null,
      },
    ],
  },
];

const fixtureDir = new URL('../../test/fixtures/feeds/', import.meta.url);

describe('parseFeed on real-world fixtures', () => {
  it('covers every fixture file', () => {
    const files = readdirSync(fixtureDir).filter((file) => file !== 'README.md');
    expect(files).toHaveLength(19);
    expect(fixtures.map((f) => f.file).sort()).toEqual(files.sort());
  });

  describe.each(fixtures)('$file', ({ file, format, title, count, samples }) => {
    const feed = parseFeed({ body: readFileSync(new URL(file, fixtureDir)) });

    it(`has format ${format}, its title and ${count} items`, () => {
      expect(feed.format).toBe(format);
      expect(feed.title).toBe(title);
      expect(feed.items).toHaveLength(count);
      expect(feed.droppedItems).toBe(0);
    });

    it.each(samples)('item $index has the expected title, link, date and author', (sample) => {
      const item = feed.items[sample.index];
      expect({
        title: item?.title,
        link: item?.link,
        publishedAt: item?.publishedAt?.toISOString(),
        author: item?.author,
      }).toEqual({
        title: sample.title,
        link: sample.link,
        publishedAt: sample.publishedAt,
        author: sample.author,
      });
    });

    it('gives every item a link and only valid dates', () => {
      for (const item of feed.items) {
        expect(item.link).toMatch(/^https?:\/\//);
        if (item.publishedAt) expect(Number.isNaN(item.publishedAt.getTime())).toBe(false);
      }
    });
  });
});
