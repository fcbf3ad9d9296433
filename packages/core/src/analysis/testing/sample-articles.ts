/** Hand-written sample articles for tests (fictional events). */
import type { AnalyzeInput } from '../contract.js';

export const EXPORT_BAN: AnalyzeInput = {
  title: 'US export controls bar NVIDIA from selling AI chips to China',
  text: [
    'The US Commerce Department on Tuesday added new export controls that bar NVIDIA from shipping its most advanced AI accelerators to customers in China.',
    'NVIDIA said the restrictions would cut revenue in the current quarter by about $5.5 billion and that it would take a charge on inventory built for the affected customers.',
    'Shares of the chipmaker fell 6% in after-hours trading, while Apple, which does not sell the chips, was little changed.',
    'Analysts at Harbor Ridge Research said the ban would hurt data-center sales for several quarters and could push Chinese buyers toward local suppliers.',
    'The company said it will apply for licenses and expects the government to decide on them within 90 days.',
    'China’s commerce ministry criticised the move and said it would take measures to protect its companies.',
  ].join(' '),
  coverage: { distinctSources: 12, isFirstReport: true },
};

export const PRODUCT_REVIEW: AnalyzeInput = {
  title: 'Review: the Gadgetco Pebble 3 is a pleasant, pricey smartwatch',
  text: [
    'The Pebble 3 from Gadgetco has a bright screen, a light aluminium case and a strap that is comfortable all day.',
    'Battery life lasted about two days in our testing, which is typical for this class of watch.',
    'The fitness tracking is accurate, and the companion app is easy to use.',
    'At $299 it costs more than most rivals, and the software offers few third-party apps.',
    'It is a good choice for people who want a simple watch that looks smart.',
  ].join(' '),
  coverage: { distinctSources: 1, isFirstReport: false },
};

export const EARNINGS: AnalyzeInput = {
  title: 'Northwind Systems beats estimates as cloud revenue jumps 24%',
  text: [
    'Northwind Systems reported third-quarter revenue of $2.4 billion, up 18% from a year earlier and above the $2.3 billion analysts had expected.',
    'Cloud revenue jumped 24% to $1.1 billion, helped by strong demand from banks and retailers.',
    'Operating profit rose to $410 million from $330 million, and the operating margin widened to 17%.',
    'The company raised its full-year revenue guidance to $9.6 billion from $9.3 billion.',
    'Chief executive Maria Lind said the company would keep investing in data centers in Europe next year.',
    'Northwind Systems employs about 14,000 people and is based in Seattle.',
    'Its rival Contoso reported weaker results last week and cut its own outlook.',
    'Shares of Northwind rose 8% in extended trading.',
    'The company will hold its investor day in March, when it plans to give targets for 2027.',
  ].join(' '),
};
