export { phoneticKey, searchKey, toDevanagari } from './phonetic';
