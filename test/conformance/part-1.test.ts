import { conformancePart } from './conformance.ts';

await conformancePart(1);
