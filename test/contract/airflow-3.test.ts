import {defineContract} from './suite.js';

defineContract(3);
