export { AnalyzerQualityPage } from './AnalyzerQualityPage.js';
