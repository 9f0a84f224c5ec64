import { readFileSync, writeFileSync } from 'node:fs';
import { updateReadme } from './readme-sections.ts';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, updateReadme(readFileSync(file, 'utf8')));
console.log('README.md: generated sections updated');
